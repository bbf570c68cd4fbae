using LanguageExt;

namespace Wix.Auth.Core;

/// <summary>
/// From the core's options to the nullable values of the types a host reads (a login step, a member's identity), where
/// LanguageExt stays inside the core.
/// </summary>
internal static class Nullables
{
    /// <summary>The value, or null for none.</summary>
    public static T? Nullable<T>(Option<T> option) where T : class => option.MatchUnsafe(value => value, () => null);
}
