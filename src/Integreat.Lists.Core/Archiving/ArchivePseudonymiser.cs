using Integreat.Lists.Core.Abstractions;
using MimeKit;

namespace Integreat.Lists.Core.Archiving;

/// <summary>Erases one author from an archived post (DSGVO Art. 17) but keeps the post for the list: From becomes
/// <c>PSEUDONYM &lt;PSEUDONYM@forgotten.invalid&gt;</c> (RFC 6761 §6.4), headers that name or trace the author
/// (Sender, Reply-To, Return-Path, Received, signatures) go, and the address and display name are replaced in the
/// text parts (a signature line "Erika Muster" becomes the pseudonym).</summary>
/// <remarks>What others wrote about the person (quotes in replies by others) is not touched.</remarks>
public static class ArchivePseudonymiser
{
    static readonly string[] Dropped =
    [
        "Sender", "Reply-To", "Return-Path", "Received", "DKIM-Signature", "ARC-Seal", "ARC-Message-Signature",
        "ARC-Authentication-Results", "Authentication-Results", "X-Original-From", "X-Sender", "X-Envelope-From", "Received-SPF",
    ];

    /// <summary>Rewrites <paramref name="post"/> in <paramref name="archive"/> under <paramref name="pseudonym"/>.</summary>
    public static void Rewrite(IArchiveStore archive, ArchivedPost post, string pseudonym)
    {
        var message = ArchivedPostReader.Load(archive.Raw(post));
        var name = post.SenderName;
        message.From.Clear();
        message.From.Add(new MailboxAddress(pseudonym, pseudonym + "@forgotten.invalid"));
        foreach (var header in Dropped) message.Headers.RemoveAll(header);
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment))
        {
            var text = part.Text.Replace(post.SenderAddress, pseudonym, StringComparison.OrdinalIgnoreCase);
            if (name.Length >= 3) text = text.Replace(name, pseudonym, StringComparison.OrdinalIgnoreCase);
            part.Text = text;
        }
        using var output = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, output);
        var (rewritten, search) = ArchivedPostReader.Read(post.Id, post.List, output.ToArray(), post.ArchivedUtc);
        rewritten.DateUtc = post.DateUtc;
        rewritten.Month = post.Month;
        rewritten.ThreadId = post.ThreadId;
        rewritten.SubjectKey = post.SubjectKey;
        archive.Replace(rewritten, output.ToArray(), search);
    }
}
