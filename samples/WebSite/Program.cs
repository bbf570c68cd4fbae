using Wix.Auth.Samples.WebSite;

if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(WebSiteOptions.Usage);
    return;
}

// dotnet run --project samples/WebSite [--urls http://127.0.0.1:5000] [--Wix:ClientId <id>] [--Wix:ResponseMode Fragment] [--ConnectionStrings:Redis localhost:6379] [--Telemetry:Console true]
await using var site = await WebSiteHost.StartAsync(new WebSiteOptions(), args);
Console.WriteLine($"Demo site:  {site.BaseUrl}");
if (site.Emulator is { } emulator)
{
    Console.WriteLine($"Wix emulator (in-process): {emulator.BaseUrl}");
    Console.WriteLine($"  mailed codes and links: {emulator.BaseUrl}_emulator/outbox");
    foreach (var member in emulator.Options.Members) Console.WriteLine($"  log in as {member.Email} / {member.Password}");
}
Console.WriteLine("Press Ctrl+C to stop.");
await site.WaitForShutdownAsync();
