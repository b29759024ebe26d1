using System.Text;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Tests.Fakes;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class DmarcMitigationHandlerTests
{
    const string Bayern = "bayern@lists.integreat.example";
    readonly FixedDmarcPolicies _dmarc = new FixedDmarcPolicies()
        .With("reject.de", "v=DMARC1; p=reject").With("quarantine.de", "v=DMARC1; p=quarantine")
        .With("none.de", "v=DMARC1; p=none").Failing("broken.de");

    static MailingList List(DmarcMitigation mitigation = DmarcMitigation.WhenRequired, ReplyToPolicy replyTo = ReplyToPolicy.None)
    {
        var list = MailingList.Create(Bayern, "Integreat Bayern", DateTime.UnixEpoch);
        list.DmarcMitigation = mitigation;
        list.ReplyTo = replyTo;
        return list;
    }

    static RawMessage Post(string from, string extra = "")
        => RawMessage.Parse(Encoding.UTF8.GetBytes($"From: {from}\r\nTo: {Bayern}\r\n{extra}Subject: Treffen\r\nMessage-ID: <1@x>\r\n\r\nHallo\r\n"));

    RawMessage Run(MailingList list, RawMessage message)
    {
        new DmarcMitigationHandler(_dmarc).Process(list, message);
        return message;
    }

    static MimeMessage Load(RawMessage message) => MimeMessage.Load(new MemoryStream(message.ToBytes()));

    [Theory]
    [InlineData("reject.de")]
    [InlineData("quarantine.de")]
    [InlineData("broken.de")]
    public void Rewrites_From_when_the_domain_requires_it_or_DNS_fails(string domain)
    {
        var message = Load(Run(List(), Post($"Erika Muster <erika@{domain}>")));
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Erika Muster via Integreat Bayern", Bayern), (from.Name, from.Address));
        Assert.Equal($"erika@{domain}", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Empty(message.Cc);
    }

    [Theory]
    [InlineData("none.de")]
    [InlineData("unlisted.de")]
    public void Leaves_From_alone_for_p_none_and_no_record(string domain)
    {
        var message = Load(Run(List(), Post($"Erika Muster <erika@{domain}>")));
        Assert.Equal($"erika@{domain}", Assert.Single(message.From.Mailboxes).Address);
        Assert.Empty(message.ReplyTo);
    }

    [Fact]
    public void Never_keeps_From_even_for_p_reject_and_asks_no_DNS()
    {
        var message = Load(Run(List(DmarcMitigation.Never), Post("erika@reject.de")));
        Assert.Equal("erika@reject.de", Assert.Single(message.From.Mailboxes).Address);
        Assert.Empty(_dmarc.Asked);
    }

    [Fact]
    public void Always_rewrites_From_without_asking_DNS()
    {
        var message = Load(Run(List(DmarcMitigation.Always), Post("erika@unlisted.de")));
        Assert.Equal(("erika via Integreat Bayern", Bayern), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Empty(_dmarc.Asked);
    }

    [Fact]
    public void Puts_the_author_in_Cc_when_Reply_To_points_at_the_list()
    {
        var list = List(replyTo: ReplyToPolicy.List);
        var raw = Post("Erika Muster <erika@reject.de>", "Cc: max@example.org\r\n");
        new ReplyToHandler().Process(list, raw);
        var message = Load(Run(list, raw));
        Assert.Equal(Bayern, Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal(["max@example.org", "erika@reject.de"], message.Cc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Keeps_a_Reply_To_of_the_poster_policy_single()
    {
        var list = List(replyTo: ReplyToPolicy.Poster);
        var raw = Post("Erika Muster <Erika@reject.de>");
        new ReplyToHandler().Process(list, raw);
        var message = Load(Run(list, raw));
        Assert.Equal("Erika@reject.de", Assert.Single(message.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public void Adds_the_author_to_an_existing_Reply_To()
    {
        var message = Load(Run(List(), Post("erika@reject.de", "Reply-To: sekretariat@reject.de\r\n")));
        Assert.Equal(["sekretariat@reject.de", "erika@reject.de"], message.ReplyTo.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Keeps_an_encoded_display_name_readable()
    {
        var message = Load(Run(List(), Post("=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@reject.de>")));
        Assert.Equal("Jürgen Müller via Integreat Bayern", message.From.Mailboxes.Single().Name);
        Assert.Equal("Jürgen Müller", message.ReplyTo.Mailboxes.Single().Name);
    }

    [Fact]
    public void Does_not_show_a_second_address_as_the_name()
    {
        var message = Load(Run(List(), Post("\"chef@other.de\" <erika@reject.de>")));
        Assert.Equal("erika via Integreat Bayern", message.From.Mailboxes.Single().Name);
    }

    [Fact]
    public void Leaves_a_post_from_the_list_itself_alone()
    {
        var message = Load(Run(List(DmarcMitigation.Always), Post($"Integreat Bayern <{Bayern}>")));
        Assert.Equal("Integreat Bayern", message.From.Mailboxes.Single().Name);
        Assert.Empty(message.ReplyTo);
    }

    [Fact]
    public void Runs_last_in_the_posting_pipeline()
    {
        var bytes = new PostingPipeline(new DmarcMitigationHandler(_dmarc)).Process(List(), Post("Erika Muster <erika@reject.de>"));
        var message = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal(Bayern, message.From.Mailboxes.Single().Address);
        Assert.Equal("[Bayern] Treffen", message.Subject);
        Assert.Equal("<mailto:bayern@lists.integreat.example>", message.Headers["List-Post"]);
    }

    [Fact]
    public void The_archive_keeps_the_authors_From()
    {
        var pipeline = new PostingPipeline(new DmarcMitigationHandler(_dmarc));
        var delivered = pipeline.Process(List(), Post("Erika Muster <erika@reject.de>"), false, null, out var archived);
        Assert.Equal(Bayern, MimeMessage.Load(new MemoryStream(delivered)).From.Mailboxes.Single().Address);
        var original = MimeMessage.Load(new MemoryStream(archived));
        Assert.Equal("erika@reject.de", original.From.Mailboxes.Single().Address);
        Assert.Empty(original.ReplyTo);

        var unchanged = pipeline.Process(List(), Post("max@none.de"), false, null, out var same);
        Assert.Same(unchanged, same);
    }

    [Theory]
    [InlineData(DmarcMitigation.WhenRequired, "bayern-owner@lists.integreat.example")]
    [InlineData(DmarcMitigation.Never, "erika@reject.de")]
    public void Owner_mail_goes_From_the_owner_address_with_the_author_in_Reply_To_even_on_a_reply_to_list(
        DmarcMitigation mitigation, string expected)
    {
        var message = Post("Erika Muster <erika@reject.de>");
        new DmarcMitigationHandler(_dmarc).MitigateOwnerMail(List(mitigation, ReplyToPolicy.List), message);
        var mime = Load(message);
        Assert.Equal(expected, Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal(mitigation == DmarcMitigation.Never ? [] : ["erika@reject.de"], mime.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Empty(mime.Cc);
    }
}
