using System.Text;
using System.Threading.Channels;

namespace Wix.Auth.Tests.Hosts.Support;

/// <summary>What the console host prints, line by line, so a test can wait for a line while the host still runs.</summary>
internal sealed class CapturedOutput : TextWriter
{
    private readonly Lock gate = new();
    private readonly StringBuilder current = new();
    private readonly StringBuilder all = new();
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get { lock (gate) return all.ToString(); }
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            all.Append(value);
            if (value == '\n')
            {
                lines.Writer.TryWrite(current.ToString().TrimEnd('\r'));
                current.Clear();
            }
            else current.Append(value);
        }
    }

    /// <summary>The next printed line that satisfies <paramref name="match"/>; earlier lines are skipped.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            string line;
            try
            {
                line = await lines.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching line was printed. Output so far:\n{Text}");
            }
            if (match(line)) return line;
        }
    }
}
