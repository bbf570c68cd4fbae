using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Wix.Auth.Tests.Hosts.Support;

/// <summary>A <see cref="MemoryDistributedCache"/> whose expirations follow a <see cref="FakeTimeProvider"/>.</summary>
internal static class FakeClockCache
{
    public static MemoryDistributedCache Create(FakeTimeProvider time) =>
        new(Options.Create(new MemoryDistributedCacheOptions { Clock = new Clock(time) }));

    private sealed class Clock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
