using Wix.Auth.Effects.Http;

namespace Wix.Auth.Effects.Tests.Http;

/// <summary>Wix's answers are read bounded, into an array of their own size, whether or not they say how long they are.</summary>
public sealed class WireResponsesTests
{
    [Fact]
    public async Task A_body_with_a_content_length_is_read_whole_into_an_array_of_that_size()
    {
        var sent = Bytes(777);
        using var content = new ByteArrayContent(sent);

        var read = await WireResponses.ReadBoundedAsync(content, CancellationToken.None);

        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(70_000)]
    public async Task A_body_without_a_length_is_read_whole_through_the_pooled_buffer(int size)
    {
        var sent = Bytes(size);
        using var content = new StreamContent(new TrickleStream(sent));

        var read = await WireResponses.ReadBoundedAsync(content, CancellationToken.None);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task A_body_larger_than_the_bound_stops_at_the_bound_with_or_without_a_length()
    {
        var sent = Bytes(WireResponses.MaxBodyBytes + 5_000);
        using var unsized = new StreamContent(new TrickleStream(sent));
        using var sized = new ByteArrayContent(sent);

        Assert.Equal(sent[..WireResponses.MaxBodyBytes], await WireResponses.ReadBoundedAsync(unsized, CancellationToken.None));
        Assert.Equal(sent[..WireResponses.MaxBodyBytes], await WireResponses.ReadBoundedAsync(sized, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_what_arrived()
    {
        var sent = Bytes(100);
        using var content = new StreamContent(new MemoryStream(sent));
        content.Headers.ContentLength = 150;

        Assert.Equal(sent, await WireResponses.ReadBoundedAsync(content, CancellationToken.None));
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 31 + 7)).ToArray();

    // A stream that cannot say its length and hands out a few hundred bytes at a time, as a chunked answer arrives.
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 300));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 300)], cancellationToken);
    }
}
