using Wix.Auth.Samples.BlazorWasm.Host;

// dotnet run --project samples/BlazorWasm/Host [--urls http://127.0.0.1:5001] [--Wix:ResponseMode Query] [--Wix:TokenStorage Local]
await using var host = await BlazorWasmHost.StartAsync(new BlazorWasmHostOptions(), args);
Console.WriteLine($"Blazor WebAssembly demo:   {host.BaseUrl}");
Console.WriteLine($"Wix emulator (in-process): {host.Emulator.BaseUrl}");
foreach (var member in host.Emulator.Options.Members) Console.WriteLine($"  log in as {member.Email} / {member.Password}");
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
