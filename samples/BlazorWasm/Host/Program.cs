using Wix.Auth.Samples.BlazorWasm.Host;

// dotnet run --project samples/BlazorWasm/Host [--urls http://127.0.0.1:5001] [--Wix:ResponseMode Query] [--Wix:TokenStorage Local]
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine("""
        Usage: dotnet run --project samples/BlazorWasm/Host [-- options]
          The Blazor WebAssembly demo, served with a Wix emulator in this process.
        Options:
          --urls <url>                   where it listens (default http://127.0.0.1:5001)
          --Wix:ResponseMode Query       Wix returns in the query instead of the fragment
          --Wix:TokenStorage Local       keep the member across tabs and browser restarts (default: this tab only)
          --help                         print this text
        """);
    return;
}
await using var host = await BlazorWasmHost.StartAsync(new BlazorWasmHostOptions(), args);
Console.WriteLine($"Blazor WebAssembly demo:   {host.BaseUrl}");
Console.WriteLine($"Wix emulator (in-process): {host.Emulator.BaseUrl}");
Console.WriteLine($"  mailed codes and links:  {host.Emulator.BaseUrl}_emulator/outbox");
foreach (var member in host.Emulator.Options.Members) Console.WriteLine($"  log in as {member.Email} / {member.Password}");
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
