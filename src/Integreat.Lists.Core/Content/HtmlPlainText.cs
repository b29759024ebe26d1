using System.Text;
using MimeKit.Text;

namespace Integreat.Lists.Core.Content;

/// <summary>Turns the HTML of a post into readable plain text for the <c>text/plain</c> alternative: paragraphs and
/// line breaks kept, list items as "- ", links as "text &lt;url&gt;", scripts, styles and the head dropped.</summary>
/// <remarks>Built on MimeKit's HTML5 tokenizer (which decodes character references); MimeKit 4.18 has no
/// HTML-to-text converter of its own.</remarks>
public static class HtmlPlainText
{
    static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6,
        HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.Table, HtmlTagId.TR, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Address,
        HtmlTagId.DL, HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.Center, HtmlTagId.Form,
    ];

    static readonly HashSet<HtmlTagId> Hidden = [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head, HtmlTagId.Title];

    /// <summary>The text of <paramref name="html"/>, lines ending in LF, without trailing blank lines.</summary>
    public static string Convert(string html)
    {
        var text = new TextBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        var pre = 0;
        string? href = null;
        var linkStart = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlDataToken data)
            {
                if (hidden == 0) text.Append(data.Data, pre > 0);
                continue;
            }
            if (token is not HtmlTagToken tag) continue;
            if (Hidden.Contains(tag.Id)) hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
            if (tag.Id == HtmlTagId.Pre) pre = Math.Max(0, pre + (tag.IsEndTag ? -1 : 1));
            if (hidden > 0) continue;
            if (tag.Id == HtmlTagId.Br) text.LineBreak();
            else if (tag.Id == HtmlTagId.HR) text.Paragraph("----------");
            else if (tag.Id == HtmlTagId.LI && !tag.IsEndTag) text.ListItem();
            else if (tag.Id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag) text.Append(" ", preserve: false);
            else if (Blocks.Contains(tag.Id)) text.Paragraph(null);
            else if (tag.Id == HtmlTagId.A && !tag.IsEndTag)
            {
                href = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
                linkStart = text.Length;
            }
            else if (tag.Id == HtmlTagId.A && href is not null)
            {
                text.Link(href, linkStart);
                href = null;
            }
        }
        return text.ToString();
    }

    /// <summary>Collects text with collapsed white space and at most one blank line in a row.</summary>
    sealed class TextBuilder
    {
        readonly StringBuilder _text = new();
        bool _space;

        public int Length => _text.Length;

        public void Append(string data, bool preserve)
        {
            if (preserve)
            {
                _text.Append(data.Replace("\r\n", "\n", StringComparison.Ordinal));
                _space = false;
                return;
            }
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c)) { _space = true; continue; }
                if (_space && _text.Length > 0 && _text[^1] != '\n') _text.Append(' ');
                _space = false;
                _text.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        public void LineBreak()
        {
            TrimSpaces();
            _text.Append('\n');
            _space = false;
        }

        public void Paragraph(string? line)
        {
            TrimSpaces();
            if (_text.Length > 0 && _text[^1] != '\n') _text.Append('\n');
            if (_text.Length > 1 && _text[^2] != '\n') _text.Append('\n');
            if (line is not null) _text.Append(line).Append("\n\n");
            _space = false;
        }

        public void ListItem()
        {
            TrimSpaces();
            if (_text.Length > 0 && _text[^1] != '\n') _text.Append('\n');
            _text.Append("- ");
            _space = false;
        }

        public void Link(string href, int start)
        {
            var label = _text.ToString(start, _text.Length - start).Trim();
            var target = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
            if (target.Length > 0 && !label.Equals(target, StringComparison.OrdinalIgnoreCase)
                && (href.StartsWith("http", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
                _text.Append(" <").Append(target).Append('>');
        }

        void TrimSpaces()
        {
            while (_text.Length > 0 && _text[^1] == ' ') _text.Length--;
        }

        public override string ToString()
        {
            var lines = _text.ToString().Split('\n').Select(l => l.TrimEnd());
            return string.Join("\n", lines).Trim('\n');
        }
    }
}
