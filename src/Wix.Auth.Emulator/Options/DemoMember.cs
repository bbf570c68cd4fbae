namespace Wix.Auth.Emulator;

/// <summary>A site member who can log in on the emulator's login page.</summary>
/// <param name="Email">Login email, matched case-insensitively.</param>
/// <param name="Password">Password, matched exactly.</param>
/// <param name="Id">The member ID returned by the Members API and token info.</param>
/// <param name="FirstName">Contact first name.</param>
/// <param name="LastName">Contact last name.</param>
/// <param name="Nickname">Profile nickname (display name).</param>
public sealed record DemoMember(
    string Email,
    string Password,
    string Id,
    string FirstName,
    string LastName,
    string Nickname);
