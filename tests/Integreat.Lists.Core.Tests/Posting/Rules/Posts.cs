using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Posting.Rules;

/// <summary>Builds a <see cref="PostingContext"/> from real header lines and body text.</summary>
internal static class Posts
{
    public const string Member = "erika@example.org";
    public const string ModeratedMember = "max@example.org";

    /// <summary>A good member post to Bayern unless the lines say otherwise: From erika, To the list, a Subject.</summary>
    public static PostingContext Make(MailingList list, string[] headerLines, string body = "Hallo zusammen,\nbis Montag.",
        string envelopeSender = Member, long size = 1000, Func<string, bool>? posted = null)
    {
        var lines = headerLines.ToList();
        if (!lines.Any(l => l.StartsWith("From:", StringComparison.OrdinalIgnoreCase))) lines.Add("From: Erika <erika@example.org>");
        if (!lines.Any(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase))) lines.Add("To: " + list.Address);
        if (!lines.Any(l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))) lines.Add("Subject: Treffen am Montag");
        var raw = Wire.Crlf([.. lines, "", .. body.Split('\n'), ""]);
        var headers = Wire.Parse([.. lines, "", ""]).Headers;
        return new PostingContext
        {
            List = list, Headers = headers, EnvelopeSender = envelopeSender, Senders = PostingPolicy.Senders(headers, envelopeSender).ToList(),
            FindMember = a => a switch
            {
                Member => Model.Member.Create(list.Address, a, null, MemberRole.Member, TestLists.Created),
                ModeratedMember => new Member { Address = a, List = list.Address, Moderated = true },
                _ => null,
            },
            SizeBytes = size, AlreadyPosted = posted ?? (_ => false),
            Message = () => MimeMessage.Load(new MemoryStream(raw)),
        };
    }

    /// <summary>A default member post with extra header lines.</summary>
    public static PostingContext Make(params string[] headerLines) => Make(TestLists.Bayern(), headerLines);
}
