namespace Wix.Auth.Emulator;

/// <summary>A site member who can log in on the emulator's login page.</summary>
/// <param name="Email">Login email, matched case-insensitively.</param>
/// <param name="Password">Password, matched exactly.</param>
/// <param name="Id">The member ID returned by the Members API and token info.</param>
/// <param name="FirstName">Contact first name.</param>
/// <param name="LastName">Contact last name.</param>
/// <param name="Nickname">Profile nickname (display name).</param>
/// <param name="EmailVerified">Whether the email is verified; when not, the site's own login form asks for a mailed code.</param>
/// <param name="Approved">Whether the site owner approved the member; when not, login answers "owner approval required".</param>
public sealed record DemoMember(
    string Email,
    string Password,
    string Id,
    string FirstName,
    string LastName,
    string Nickname,
    bool EmailVerified = true,
    bool Approved = true)
{
    /// <summary>Never the password.</summary>
    public override string ToString() => $"DemoMember {{ Email = {Email}, Id = {Id} }}";
}
