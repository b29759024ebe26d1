using System.Net;
using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Turns the HTML of a notification (Exchange, some webmail MTAs) into lines of plain text; the web admin
/// area also shows HTML-only held posts this way.</summary>
public static partial class HtmlText
{
    /// <summary>Line-breaking elements become line ends, other tags go, entities are decoded.</summary>
    /// <remarks>A "tag" holding an '@' is kept: reports labelled text/html often carry plain text with
    /// <c>&lt;user@example.org&gt;</c> in it, and that address is the point of the report.</remarks>
    public static string ToPlain(string html)
    {
        var text = Invisible().Replace(html, "");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
    }

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<\s*(br|p|/p|div|/div|tr|/tr|li|h\d|/h\d)\b[^>@]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!][^>@]*>")]
    private static partial Regex Tag();
}
