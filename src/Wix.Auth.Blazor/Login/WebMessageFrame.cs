using System.Diagnostics.CodeAnalysis;
using Microsoft.JSInterop;
using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Blazor;

/// <summary>
/// One wait for a <c>web_message</c> answer: <c>webMessage.js</c> opens a hidden frame at the login URL and hands every
/// message of the window to <see cref="Receive"/>; the core's <see cref="WebMessageListener"/> decides what each means, and
/// the first that is not <see cref="WebMessageOutcome.Ignored"/> (or the deadline) ends the wait. The frame and the
/// listener are removed however the wait ends: answer, timeout, cancellation or a failure of the page's scripts.
/// </summary>
internal sealed class WebMessageFrame
{
    private const string ModulePath = "./_content/Wix.Auth.Blazor/webMessage.js";

    private readonly WebMessageListener listener;
    private readonly TimeProvider time;
    private readonly TaskCompletionSource<WebMessageOutcome> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebMessageFrame(WebMessageListener listener, TimeProvider time) => (this.listener, this.time) = (listener, time);

    /// <summary>Opens the frame at <paramref name="authUrl"/> and waits for what <paramref name="listener"/> accepts, or its deadline.</summary>
    [DynamicDependency(nameof(Receive))]
    public static async Task<WebMessageOutcome> WaitAsync(
        IJSRuntime js, string authUrl, WebMessageListener listener, TimeProvider time, CancellationToken cancellationToken)
    {
        var wait = new WebMessageFrame(listener, time);
        using var receiver = DotNetObjectReference.Create(wait);
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, ModulePath);
        var frame = await module.InvokeAsync<IJSObjectReference>("open", cancellationToken, authUrl, receiver);
        try
        {
            // The timer asks the listener too, so the deadline is the core's, read from the same clock as each message.
            using var timer = time.CreateTimer(_ => wait.Decide(listener.Expire(time.GetUtcNow())), null,
                listener.TimerDelay(time.GetUtcNow()), Timeout.InfiniteTimeSpan);
            return await wait.outcome.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            await frame.InvokeVoidAsync("close", CancellationToken.None);
            await frame.DisposeAsync();
        }
    }

    /// <summary>A message arrived: its origin (<c>event.origin</c>) and the string fields of its data (null: not an object).</summary>
    [JSInvokable]
    public void Receive(string? origin, Dictionary<string, string?>? data) => Decide(listener.Receive(origin, data, time.GetUtcNow()));

    private void Decide(WebMessageOutcome decided)
    {
        if (decided is not WebMessageOutcome.Ignored) outcome.TrySetResult(decided);
    }
}
