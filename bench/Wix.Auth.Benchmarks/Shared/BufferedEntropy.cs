using System.Security.Cryptography;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Benchmarks.Shared;

/// <summary>
/// A per-thread buffered CSPRNG, measured against the OS random source (BENCHMARKS.md decides on it): each thread
/// refills a buffer of <see cref="BufferBytes"/> from <see cref="RandomNumberGenerator"/> when it runs out, hands out the
/// next bytes, and clears them in the buffer as it hands them out, so no byte is given twice or kept after use.
/// </summary>
internal sealed class BufferedEntropy : IEntropySource
{
    public const int BufferBytes = 4096;

    [ThreadStatic] private static byte[]? buffer;
    [ThreadStatic] private static int next;

    public void Fill(Span<byte> destination)
    {
        if (destination.Length > BufferBytes)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }
        if (buffer is null)
        {
            buffer = new byte[BufferBytes];
            next = BufferBytes; // nothing in it yet
        }
        var bytes = buffer;
        if (BufferBytes - next < destination.Length)
        {
            RandomNumberGenerator.Fill(bytes);
            next = 0;
        }
        var handedOut = bytes.AsSpan(next, destination.Length);
        handedOut.CopyTo(destination);
        CryptographicOperations.ZeroMemory(handedOut);
        next += destination.Length;
    }
}
