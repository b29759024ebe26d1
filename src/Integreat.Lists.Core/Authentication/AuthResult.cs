namespace Integreat.Lists.Core.Authentication;

/// <summary>The result of one authentication method, as named in <c>Authentication-Results</c> (RFC 8601 §2.7:
/// dkim §2.7.1, spf §2.7.2; dmarc RFC 7489 §11.2).</summary>
public enum AuthResult
{
    /// <summary><c>none</c>: nothing to check (no signature, no SPF record, no DMARC policy).</summary>
    None,

    /// <summary><c>pass</c>.</summary>
    Pass,

    /// <summary><c>fail</c>.</summary>
    Fail,

    /// <summary><c>softfail</c> (SPF <c>~all</c>).</summary>
    SoftFail,

    /// <summary><c>neutral</c>.</summary>
    Neutral,

    /// <summary><c>temperror</c>: a DNS failure; another try may give an answer.</summary>
    TempError,

    /// <summary><c>permerror</c>: a broken record or signature.</summary>
    PermError,
}
