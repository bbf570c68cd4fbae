using Wix.Auth.Emulator;

namespace Wix.Auth.Compare;

/// <summary>
/// One emulator for both clients, in its own process so neither client's CPU figure includes it. Logs at Warning
/// (the standalone emulator logs every request at Information, which would load the shared cores).
/// </summary>
internal static class EmulatorHost
{
    public static async Task<int> RunAsync()
    {
        await using var emulator = await WixEmulator.StartAsync();
        Console.WriteLine(emulator.BaseUrl);
        Console.Out.Flush();
        // Runs until the script closes our stdin (or kills us).
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
