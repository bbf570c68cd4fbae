using Microsoft.JSInterop;
using Wix.Auth.Blazor;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The page's scripts as <see cref="WebMessageFrame"/> uses them (<c>webMessage.js</c>: import, open a frame, close it),
/// one object for the runtime, the module and the frame: it keeps the frame's receiver, so a replay can post messages.
/// </summary>
internal sealed class FramePage : IJSRuntime, IJSObjectReference
{
    public string? OpenedAt { get; private set; }

    public DotNetObjectReference<WebMessageFrame>? Receiver { get; private set; }

    public bool Closed { get; private set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        switch (identifier)
        {
            case "import":
                return ValueTask.FromResult((TValue)(object)this);
            case "open":
                (OpenedAt, Receiver) = ((string?)args![0], (DotNetObjectReference<WebMessageFrame>?)args[1]);
                return ValueTask.FromResult((TValue)(object)this);
            case "close":
                Closed = true;
                return ValueTask.FromResult(default(TValue)!);
            default:
                throw new JSException($"webMessage.js has no '{identifier}'.");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
