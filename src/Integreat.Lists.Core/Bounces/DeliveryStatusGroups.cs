using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Reads the per-recipient groups of RFC 3464 delivery-status reports: from <c>message/delivery-status</c> and
/// <c>message/global-delivery-status</c> (RFC 6533) parts, and from text that carries the same fields because the MTA
/// labelled the part text/plain or flattened the whole report into one body.</summary>
/// <remarks>Groups are separated by blank lines (RFC 3464 §2.1), but some MTAs (AOL) omit them, so a recipient field
/// that repeats within a group also starts a new one. <c>Original-Recipient</c> names the address the list sent to
/// (RFC 3461 ORCPT) and is taken while <c>Final-Recipient</c> stays in its domain; when the final recipient is in another
/// domain the message was forwarded there, and the final recipient is the mailbox that failed.</remarks>
internal static class DeliveryStatusGroups
{
    static readonly string[] RecipientFields = ["Original-Recipient", "Final-Recipient", "X-Actual-Recipient"];

    /// <summary>The groups of every delivery-status part outside a returned message, in order.</summary>
    public static List<DsnGroup> FromParts(MimeMessage message)
    {
        var groups = new List<DsnGroup>();
        foreach (var status in Parts(message.Body))
        {
            // Group 0 holds the per-message fields (RFC 3464 §2.2); some MTAs put Action there, so it is the fallback.
            var perMessageAction = status.StatusGroups.Count > 0 ? status.StatusGroups[0]["Action"] : null;
            var fields = status.StatusGroups.SelectMany(g => g.Select(h => ((string, string)?)(h.Field, h.Value)).Append(null));
            groups.AddRange(Read(fields, perMessageAction));
        }
        return groups;
    }

    /// <summary>The groups found as <c>Name: value</c> fields in <paramref name="lines"/>, groups separated by blank lines.</summary>
    public static List<DsnGroup> FromText(IReadOnlyList<string> lines)
        => Read(Fields(lines), null).Where(g => g.Action.Length > 0 || g.Status.Length > 0).ToList();

    /// <summary>Splits a field sequence (null for a blank line) into groups and keeps those naming a recipient.</summary>
    static List<DsnGroup> Read(IEnumerable<(string Name, string Value)?> fields, string? fallbackAction)
    {
        var groups = new List<DsnGroup>();
        var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields.Append(null))
        {
            var repeated = field is { } f && RecipientFields.Contains(f.Name, StringComparer.OrdinalIgnoreCase) && current.ContainsKey(f.Name);
            if (field is null || repeated)
            {
                if (RecipientFields.Any(current.ContainsKey)) groups.Add(ToGroup(current, fallbackAction));
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }
            if (field is { } g) current.TryAdd(g.Name, g.Value);
        }
        return groups;
    }

    static DsnGroup ToGroup(Dictionary<string, string> group, string? fallbackAction)
    {
        string Get(string name) => group.TryGetValue(name, out var value) ? value.Trim() : "";
        var original = Address(Get("Original-Recipient"));
        var recipient = Recipient(original, Address(Get("Final-Recipient")), Address(Get("X-Actual-Recipient")));
        var action = (group.ContainsKey("Action") ? Get("Action") : fallbackAction ?? "").Trim().ToLowerInvariant();
        return new DsnGroup(recipient, action, Get("Status"), WithoutType(Get("Diagnostic-Code")), original == recipient ? "" : original);
    }

    /// <summary>The recipient a group is about: the <paramref name="original"/> recipient while the final one stayed in
    /// its domain (an alias or a host-qualified mailbox of the same domain names the same member), the
    /// <paramref name="final"/> recipient when the original domain forwarded the message to another domain (the
    /// mailbox that failed is there), and whichever is given when only one is; empty when none is an address.</summary>
    static string Recipient(string original, string final, string actual)
    {
        if (original.Length == 0) return final.Length > 0 ? final : actual;
        return final.Length > 0 && !WithinDomain(AddressText.Domain(final), AddressText.Domain(original)) ? final : original;
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="parent"/> or one of its subdomains.</summary>
    static bool WithinDomain(string domain, string parent)
        => domain.Equals(parent, StringComparison.OrdinalIgnoreCase)
           || domain.EndsWith("." + parent, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address of an <c>address-type; address</c> field when the type is rfc822 (or absent).</summary>
    static string Address(string value)
    {
        var semicolon = value.IndexOf(';');
        var type = semicolon < 0 ? "rfc822" : value[..semicolon].Trim();
        var address = AddressText.Normalise(semicolon < 0 ? value : value[(semicolon + 1)..]);
        var local = AddressText.LocalPart(address);
        return type.Equals("rfc822", StringComparison.OrdinalIgnoreCase) && local.Length > 0 && !local.Contains('/') && address.Contains('@')
            ? address
            : "";
    }

    static string WithoutType(string diagnostic)
    {
        var semicolon = diagnostic.IndexOf(';');
        var typed = semicolon > 0 && !diagnostic[..semicolon].Trim().Contains(' ');
        return RecipientBlocks.OneLine(typed ? diagnostic[(semicolon + 1)..] : diagnostic) ?? "";
    }

    static IEnumerable<MessageDeliveryStatus> Parts(MimeEntity? entity) => entity switch
    {
        MessageDeliveryStatus status => [status],
        Multipart multipart => multipart.SelectMany(Parts),
        _ => [],
    };

    /// <summary>The fields of <paramref name="lines"/>, unfolded; null for each blank line.</summary>
    static IEnumerable<(string Name, string Value)?> Fields(IReadOnlyList<string> lines)
    {
        (string Name, string Value)? pending = null;
        foreach (var line in lines)
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0 && pending is { } p)
            {
                pending = (p.Name, p.Value + " " + line.Trim());
                continue;
            }
            if (pending is not null) yield return pending;
            pending = FieldName(line) is { } name ? (name, line[(name.Length + 1)..]) : null;
            if (pending is null && line.Trim().Length == 0) yield return null;
        }
        if (pending is not null) yield return pending;
    }

    static string? FieldName(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0) return null;
        var name = line[..colon];
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? name : null;
    }
}
