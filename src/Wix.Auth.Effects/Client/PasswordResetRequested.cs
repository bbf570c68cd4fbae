namespace Wix.Auth;

/// <summary>
/// Wix was asked to mail a password reset link (<see cref="MemberAuthClient.SendPasswordResetEmailAsync"/>). Answered alike
/// for an address that is no member's, so a form that shows it does not tell who is one.
/// </summary>
/// <param name="Email">The address the mail goes to, if it is a member's.</param>
/// <param name="RedirectUrl">Where the mail's link leads, as checked against the allowed origins.</param>
public sealed record PasswordResetRequested(string Email, string RedirectUrl);
