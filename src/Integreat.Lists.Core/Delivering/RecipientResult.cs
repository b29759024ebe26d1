namespace Integreat.Lists.Core.Delivering;

/// <summary>The outcome of one recipient in one SMTP transaction.</summary>
/// <param name="Recipient">The envelope recipient.</param>
/// <param name="Code">The SMTP reply code (RFC 5321 §4.2): 2xx delivered, 4xx temporary, 5xx permanent.</param>
/// <param name="Reply">The reply text, including an enhanced status code (RFC 3463) when the server sent one.</param>
public sealed record RecipientResult(string Recipient, int Code, string Reply)
{
    /// <summary>True for 2xx.</summary>
    public bool Delivered => Code is >= 200 and < 300;

    /// <summary>True for 5xx.</summary>
    public bool Permanent => Code >= 500;

    /// <summary>The enhanced status code (e.g. <c>5.1.1</c>) found at the start of <see cref="Reply"/>, else one
    /// derived from <see cref="Code"/> (<c>2.0.0</c>, <c>4.0.0</c>, <c>5.0.0</c>).</summary>
    public string Dsn
    {
        get
        {
            var first = Reply.TrimStart().Split(' ', 2)[0];
            var parts = first.Split('.');
            return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsDigit)) && first[0] == (char)('0' + Code / 100)
                ? first
                : $"{Code / 100}.0.0";
        }
    }
}
