using Wix.Auth.Samples.ConsoleLogin;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C ends the wait cleanly (the listener and emulator are stopped); a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await ConsoleLoginApp.RunAsync(args, Console.Out, cancel.Token);
