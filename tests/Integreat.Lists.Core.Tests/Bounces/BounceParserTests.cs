using Integreat.Lists.Core.Bounces;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class BounceParserTests
{
    const string Verp = "bayern-bounces+erika=example.org@lists.example.org";

    readonly BounceParser _parser = new();

    static MimeMessage FailedDsn() => Reports.Dsn("Final-Recipient: rfc822; erika.m@mail.example.net\nAction: failed\nStatus: 5.1.1");

    [Fact]
    public void The_first_recogniser_that_answers_decides()
    {
        var report = _parser.Parse(FailedDsn());

        Assert.Equal((BounceKind.Permanent, "dsn"), (report.Kind, report.Recogniser));
        Assert.Equal(["erika.m@mail.example.net"], report.Recipients);
    }

    [Fact]
    public void Recognisers_are_asked_in_table_order()
    {
        var parser = new BounceParser([new Fixed("first", null), new Fixed("second", BounceKind.Temporary), new Fixed("third", BounceKind.Permanent)]);

        Assert.Equal("second", parser.Parse(FailedDsn()).Recogniser);
    }

    [Fact]
    public void A_message_nobody_claims_is_not_a_bounce()
    {
        var report = _parser.Parse(Reports.Text("See you on Monday!", from: "max@example.org", subject: "Treffen"));

        Assert.Equal(BounceReport.NotABounce(BounceParser.NoRecogniser).Kind, report.Kind);
        Assert.Equal(BounceParser.NoRecogniser, report.Recogniser);
        Assert.Empty(report.Recipients);
    }

    [Fact]
    public void The_verp_member_wins_over_the_parsed_recipients()
    {
        var report = _parser.Parse(FailedDsn(), Verp);

        Assert.Equal(["erika@example.org"], report.Recipients);
        Assert.Equal((BounceKind.Permanent, "5.1.1", "dsn"), (report.Kind, report.Status, report.Recogniser));
    }

    [Fact]
    public void The_verp_member_also_wins_over_an_original_recipient()
    {
        var forwarded = Reports.Dsn("Final-Recipient: rfc822; e.m@mail.example.net\nOriginal-Recipient: rfc822; max@example.org\nAction: failed\nStatus: 5.1.1");

        var report = _parser.Parse(forwarded, Verp);

        Assert.Equal(["erika@example.org"], report.Recipients);
        Assert.Empty(report.Originals);
    }

    [Fact]
    public void A_vacation_reply_to_a_verp_address_stays_not_a_bounce()
    {
        var report = _parser.Parse(Reports.Text("I am away.", from: "erika@example.org", extraHeaders: "Auto-Submitted: auto-replied\n"), Verp);

        Assert.Equal(BounceKind.NotABounce, report.Kind);
        Assert.Empty(report.Recipients);
    }

    [Fact]
    public void An_unrecognised_mail_system_report_to_a_verp_address_is_a_permanent_bounce_of_the_member()
    {
        var report = _parser.Parse(Reports.Text("Message could not be delivered."), Verp);

        Assert.Equal((BounceKind.Permanent, BounceParser.VerpRecogniser), (report.Kind, report.Recogniser));
        Assert.Equal(["erika@example.org"], report.Recipients);
    }

    [Fact]
    public void A_report_forwarded_as_the_only_attachment_is_parsed()
    {
        var report = _parser.Parse(Reports.Parse("""
            From: postmaster@gateway.example.net
            Content-Type: multipart/mixed; boundary="OUTER"

            --OUTER
            Content-Type: message/rfc822

            From: MAILER-DAEMON@mx.example.net
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; erika@example.org
            Action: failed
            Status: 5.1.1

            --B--

            --OUTER
            Content-Type: text/plain

            This e-mail is confidential.
            --OUTER--
            """));

        Assert.Equal(["erika@example.org"], report.Recipients);
    }

    sealed class Fixed(string name, BounceKind? kind) : IBounceRecogniser
    {
        public string Name => name;

        public BounceReport? TryRecognise(MimeMessage message)
            => kind is { } k ? new BounceReport(k, ["erika@example.org"], null, null, name) : null;
    }
}
