using Wix.Auth.Emulator;

// Standalone: dotnet run --project src/Wix.Auth.Emulator -- --urls http://127.0.0.1:5099
// --help answers before anything listens: ASP.NET's command-line configuration would read "--help --urls X" as help = "--urls".
if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(StandaloneOptions.Usage);
    return 0;
}
EmulatorOptions options;
try
{
    options = StandaloneOptions.From(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var app = EmulatorApp.Build(options, args, "http://127.0.0.1:5099", forceUrls: false);
await app.StartAsync();
Banner.Print(Console.Out, app.Urls, options);
await app.WaitForShutdownAsync();
return 0;
