using Microsoft.AspNetCore.Antiforgery;

namespace Wix.Auth.Samples.WebSite;

/// <summary>
/// <c>GET /sign-in</c>: the site's own login, sign-up, verification and password forms, posting to the library's
/// <c>/auth/member/…</c> endpoints, which come back here with <c>?form=…</c> and a stable <c>error</c> code. The page shows
/// the code's sentence and never any value the member typed.
/// </summary>
internal static class SignInPage
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["wrong_credentials"] = "The email or password is wrong.",
        ["invalid_email"] = "That is not a valid email address.",
        ["invalid_field"] = "Please fill in every field.",
        ["email_already_exists"] = "A member with this email exists already. Log in instead.",
        ["password_rejected"] = "Choose a longer password.",
        ["password_reset_required"] = "Please choose a new password first (forgot password).",
        ["wrong_verification_code"] = "That code is not right. Check the mail and try again.",
        ["no_verification_pending"] = "Start again: log in or sign up first.",
        ["too_many_wrong_codes"] = "Too many wrong codes. Log in or sign up again for a new one.",
        ["expired"] = "This step has expired. Start again.",
        ["owner_approval_required"] = "Thanks! The site owner will approve your account.",
        ["captcha_required"] = "Solve the captcha first.",
    };

    // The server never echoes what a person typed (the library's redirect carries only a code), so the email they typed is
    // kept in this tab's sessionStorage on submit and put back when the page comes back with an error; without one it is
    // forgotten. The password is never kept.
    private static readonly PageScript KeepEmail = new("""
        const failed = document.getElementById('form-error') !== null;
        for (const id of ['login-email', 'register-email', 'reset-email']) {
          const input = document.getElementById(id);
          if (!input) continue;
          const key = 'demo.' + id;
          if (failed && !input.value) input.value = sessionStorage.getItem(key) || '';
          else if (!failed) sessionStorage.removeItem(key);
          input.form.addEventListener('submit', () => sessionStorage.setItem(key, input.value));
        }
        """);

    public static IResult Render(HttpContext context, IAntiforgery antiforgery, DemoMailbox mailbox, string? form = null, string? error = null, string? done = null, string? recoveryToken = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var hidden = $"<input type=\"hidden\" name=\"{HomePage.Encode(tokens.FormFieldName)}\" value=\"{HomePage.Encode(tokens.RequestToken ?? "")}\">";
        string Action(string name) => HomePage.Encode(context.Request.PathBase + "/auth/member/" + name);
        var alert = error is null ? "" : $"<p role=\"alert\" id=\"form-error\" data-code=\"{HomePage.Encode(error)}\">{HomePage.Encode(Messages.GetValueOrDefault(error, "Something went wrong. Try again."))}</p>";
        var body = form switch
        {
            "verify" => $"""
                {alert}
                <p id="verify-prompt">We mailed you a code. Enter it to finish.</p>
                {mailbox.Note("mail with the code")}
                <form method="post" action="{Action("verify")}">{hidden}
                <label for="code">Code</label> <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
                <button type="submit">Verify</button>
                </form>
                """,
            "reset" when done is not null => "<p id=\"reset-sent\">If a member has this email, a mail with a link to choose a new password is on its way.</p>"
                + mailbox.Note("mail with the link"),
            "reset" => $"""
                {alert}
                <form method="post" action="{Action("reset")}">{hidden}
                <label for="reset-email">Email</label> <input id="reset-email" name="email" type="email" autocomplete="email" required>
                <button type="submit">Send me a link</button>
                </form>
                """,
            "recover" => $"""
                {alert}
                <form method="post" action="{Action("recover")}">{hidden}
                <input type="hidden" name="recoveryToken" value="{HomePage.Encode(recoveryToken ?? "")}">
                <label for="new-password">New password</label> <input id="new-password" name="password" type="password" autocomplete="new-password" required>
                <button type="submit">Set password and log in</button>
                </form>
                """,
            _ => $"""
                {alert}
                <h2>Log in</h2>
                <form method="post" action="{Action("login")}">{hidden}
                <label for="login-email">Email</label> <input id="login-email" name="email" type="email" autocomplete="username" required>
                <label for="login-password">Password</label> <input id="login-password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Log in</button>
                </form>
                <p><a id="forgot-password" href="{HomePage.Encode(context.Request.PathBase + "/sign-in?form=reset")}">Forgot password?</a></p>
                <h2>Sign up</h2>
                <form method="post" action="{Action("register")}">{hidden}
                <label for="register-name">First name</label> <input id="register-name" name="firstName" autocomplete="given-name">
                <label for="register-email">Email</label> <input id="register-email" name="email" type="email" autocomplete="email" required>
                <label for="register-password">Password</label> <input id="register-password" name="password" type="password" autocomplete="new-password" required>
                <button type="submit">Sign up</button>
                </form>
                """,
        };
        return HomePage.Page(context, "Log in or sign up", body, KeepEmail);
    }
}
