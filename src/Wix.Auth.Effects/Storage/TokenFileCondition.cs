namespace Wix.Auth;

/// <summary>What a <see cref="FileSessionStore"/> found when it last read its file.</summary>
public enum TokenFileCondition
{
    /// <summary>There is no file yet: no tokens.</summary>
    Missing,

    /// <summary>The file was read.</summary>
    Valid,

    /// <summary>
    /// The file is not a token file (damaged, truncated by hand, another format). It counts as empty and is left as it
    /// is until the next <see cref="FileSessionStore.SetAsync"/>, which moves it aside to <c>*.corrupt</c> first.
    /// </summary>
    Corrupt,
}
