namespace ServerlessService.Api.Resources;

/// <summary>
/// Server messages in the caller's language: inject <c>IStringLocalizer&lt;Messages&gt;</c> and index it with these
/// keys. The texts are Messages.resx (English, the fallback) and Messages.zh-CN.resx; the language is the request's
/// UI culture, which <see cref="Hosting.Languages"/> takes from Accept-Language.
/// </summary>
public sealed class Messages
{
    public const string TooManySignInAttemptsTitle = nameof(TooManySignInAttemptsTitle);
    /// <summary>{0}: seconds to wait (the Retry-After header).</summary>
    public const string TooManySignInAttemptsWait = nameof(TooManySignInAttemptsWait);
    public const string TooManySignInAttempts = nameof(TooManySignInAttempts);
}
