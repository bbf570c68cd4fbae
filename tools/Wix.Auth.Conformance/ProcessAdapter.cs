using System.Diagnostics;
using System.Text;

namespace Wix.Auth.Conformance;

/// <summary>
/// An adapter run as a child process through the shell: requests go to its standard input, answers come from its standard
/// output, one line each; its standard error is left to the terminal, for the adapter's own messages.
/// </summary>
public sealed class ProcessAdapter : IAdapter
{
    private readonly Process process;
    private readonly TimeSpan timeout;
    private readonly string command;

    private ProcessAdapter(Process process, TimeSpan timeout, string command) => (this.process, this.timeout, this.command) = (process, timeout, command);

    /// <summary>Starts <paramref name="command"/> with <c>/bin/sh -c</c> (<c>cmd /c</c> on Windows).</summary>
    public static ProcessAdapter Start(string command, TimeSpan timeout)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe", ["/c", command]) : new ProcessStartInfo("/bin/sh", ["-c", command]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        // UTF-8 both ways, and no byte-order mark before the first request.
        start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        start.StandardOutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var process = Process.Start(start) ?? throw new AdapterGone($"could not start the adapter `{command}`.");
        process.StandardInput.AutoFlush = true;
        process.StandardInput.NewLine = "\n";
        return new ProcessAdapter(process, timeout, command);
    }

    /// <inheritdoc />
    public string Exchange(string requestLine)
    {
        try
        {
            process.StandardInput.WriteLine(requestLine);
        }
        catch (IOException)
        {
            throw Gone();
        }
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(timeout)) throw new AdapterGone($"the adapter `{command}` gave no answer within {timeout.TotalSeconds:0} s to {Clip(requestLine)}");
        return read.Result ?? throw Gone();
    }

    /// <summary>Closes the adapter's input, which ends a well-behaved adapter, and stops it if it does not end.</summary>
    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5))) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // It has ended already, and its input with it.
        }
        process.Dispose();
    }

    private AdapterGone Gone()
    {
        process.WaitForExit(TimeSpan.FromSeconds(5));
        var code = process.HasExited ? $" with exit code {process.ExitCode}" : "";
        return new AdapterGone($"the adapter `{command}` ended{code} without answering.");
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
