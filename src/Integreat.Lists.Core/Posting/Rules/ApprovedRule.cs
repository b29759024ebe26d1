using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>approved</c>: the post carries the list's approval passphrase in <c>Approved:</c>,
/// <c>Approve:</c>, <c>X-Approved:</c> or <c>X-Approve:</c> (Mailman's <c>rules/approved.py</c>).</summary>
/// <remarks>Compared as SHA-256 in constant time; the header is removed before distribution by
/// <see cref="Handlers.CleanseHandler"/>, whether or not it matched, so a passphrase never reaches the members.</remarks>
public sealed class ApprovedRule : IPostingRule
{
    /// <summary>The header fields that may carry the passphrase.</summary>
    public static readonly string[] Fields = ["Approved", "Approve", "X-Approved", "X-Approve"];

    /// <inheritdoc/>
    public string Name => "approved";

    /// <inheritdoc/>
    public string Description => "The post carries the list's approval passphrase.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        var expected = post.List.Posting.ApprovalPassphraseHash;
        if (expected.Length != 64) return false;
        var wanted = Convert.FromHexString(expected);
        foreach (var header in post.Headers.Where(h => Fields.Contains(h.Field, StringComparer.OrdinalIgnoreCase)))
        {
            if (!CryptographicOperations.FixedTimeEquals(Hash(header.Value.Trim()), wanted)) continue;
            post.Reasons.Add("Die Nachricht trägt das Freigabe-Kennwort der Liste. / The post carries the list's approval passphrase.");
            return true;
        }
        return false;
    }

    /// <summary>The SHA-256 of a passphrase, as stored in <see cref="Model.PostingSettings.ApprovalPassphraseHash"/>.</summary>
    public static byte[] Hash(string passphrase) => SHA256.HashData(Encoding.UTF8.GetBytes(passphrase));

    /// <summary>True when <paramref name="headers"/> carry any approval field.</summary>
    public static bool Carries(HeaderList headers) => headers.Any(h => Fields.Contains(h.Field, StringComparer.OrdinalIgnoreCase));
}
