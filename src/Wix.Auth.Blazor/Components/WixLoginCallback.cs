using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Wix.Auth.Blazor;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Blazor;

/// <summary>
/// The callback page's body (<c>&lt;WixLoginCallback /&gt;</c> on the page at <see cref="WixBrowserAuthOptions.CallbackPath"/>):
/// completes the login once (<see cref="WixBrowserLogin.CompleteLoginAsync"/>), after which the window moves on to the
/// login's return URL; a failure is shown with its stable code.
/// </summary>
public sealed class WixLoginCallback : ComponentBase
{
    private AuthError? error;

    /// <summary>What shows while the login completes.</summary>
    [Parameter]
    public RenderFragment? Completing { get; set; }

    /// <summary>What shows when it failed; by default the error's code (in <c>#error-code</c>) and message.</summary>
    [Parameter]
    public RenderFragment<AuthError>? Failed { get; set; }

    [Inject]
    private WixBrowserLogin Login { get; set; } = null!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => error = (await Login.CompleteLoginAsync()).Error;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (error is null)
        {
            builder.AddContent(0, Completing);
        }
        else if (Failed is not null)
        {
            builder.AddContent(1, Failed(error));
        }
        else
        {
            builder.OpenElement(2, "p");
            builder.AddAttribute(3, "role", "alert");
            builder.AddContent(4, "The login did not complete: ");
            builder.OpenElement(5, "code");
            builder.AddAttribute(6, "id", "error-code");
            builder.AddContent(7, error.Code);
            builder.CloseElement();
            builder.AddContent(8, " — " + error.Message);
            builder.CloseElement();
        }
    }
}
