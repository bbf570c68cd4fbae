using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// Reads the only forms the host accepts — an antiforgery token, and a fragment — within limits that fit them, before
/// antiforgery looks at the form (it then uses this read). Anything else (a multipart body without a boundary, an unknown
/// or unsupported charset, too many or too long values, files) is null, which the endpoints answer with 400.
/// </summary>
internal static class FormInput
{
    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 256,
        ValueLengthLimit = 16 * 1024,
        MultipartBodyLengthLimit = 32 * 1024,
        MultipartHeadersCountLimit = 4,
        MultipartHeadersLengthLimit = 1024,
        BufferBody = false,
    };

    /// <summary>The request's form, or null when it is not one the host reads.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return null;
        try
        {
            var form = await context.Request.ReadFormAsync(Limits, context.RequestAborted);
            return form.Files.Count == 0 ? form : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kestrel's and the form reader's own refusals (InvalidDataException, BadHttpRequestException, an unknown
            // encoding): all mean a body this host does not read.
            return null;
        }
    }
}
