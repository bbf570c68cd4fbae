using Microsoft.Extensions.Options;

namespace Wix.Auth;

/// <summary>Reports every problem of <see cref="WixAuthOptions"/> at once, at start-up.</summary>
internal sealed class WixAuthOptionsValidator : IValidateOptions<WixAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, WixAuthOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
