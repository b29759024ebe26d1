using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class DsnRecogniserTests
{
    readonly DsnRecogniser _recogniser = new();

    [Fact]
    public void A_failed_5xx_group_is_permanent_with_its_status_and_diagnostic()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; Erika@Example.org
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <erika@example.org>: User unknown
            """));

        Assert.NotNull(report);
        Assert.Equal(BounceKind.Permanent, report.Kind);
        Assert.Equal(["erika@example.org"], report.Recipients);
        Assert.Equal("5.1.1", report.Status);
        Assert.Equal("550 5.1.1 <erika@example.org>: User unknown", report.Diagnostic);
        Assert.Equal("dsn", report.Recogniser);
    }

    [Theory]
    [InlineData("delayed", "4.4.1")]
    [InlineData("failed", "4.4.7 (delivery time expired)")]
    public void A_delay_or_a_4xx_status_is_temporary(string action, string status)
    {
        var report = _recogniser.TryRecognise(Reports.Dsn($"Final-Recipient: rfc822; max@example.org\nAction: {action}\nStatus: {status}"));

        Assert.Equal(BounceKind.Temporary, report?.Kind);
        Assert.Equal(["max@example.org"], report?.Recipients);
    }

    [Fact]
    public void Permanent_wins_over_temporary_and_names_only_the_permanent_recipients()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; max@example.org
            Action: delayed
            Status: 4.2.2

            Final-Recipient: rfc822; erika@example.org
            Action: failed
            Status: 5.2.1
            """));

        Assert.Equal(BounceKind.Permanent, report?.Kind);
        Assert.Equal(["erika@example.org"], report?.Recipients);
    }

    [Fact]
    public void Delivered_and_relayed_groups_are_not_a_bounce()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; erika@example.org
            Action: delivered
            Status: 2.0.0

            Final-Recipient: rfc822; max@example.org
            Action: relayed
            Status: 2.0.0
            """));

        Assert.Equal(BounceKind.NotABounce, report?.Kind);
    }

    [Fact]
    public void Groups_without_blank_lines_between_them_are_split_at_the_repeated_recipient_field()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; erika@example.org
            Action: failed
            Status: 5.2.2
            Final-Recipient: rfc822; max@example.org
            Action: failed
            Status: 5.1.1
            """));

        Assert.Equal(["erika@example.org", "max@example.org"], report?.Recipients);
        Assert.Equal("5.2.2", report?.Status);
    }

    [Fact]
    public void A_forwarding_target_in_another_domain_is_the_failed_recipient_and_the_original_is_kept()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; erika.mustermann@mail.example.net
            Original-Recipient: rfc822;erika@example.org
            Action: failed
            Status: 5.2.2
            """));

        Assert.Equal(["erika.mustermann@mail.example.net"], report?.Recipients);
        Assert.Equal(["erika@example.org"], report?.Originals);
    }

    [Fact]
    public void The_original_recipient_wins_over_an_alias_in_its_own_domain()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; e.mustermann@mx1.example.org
            Original-Recipient: rfc822;erika@example.org
            Action: failed
            Status: 5.2.2
            """));

        Assert.Equal(["erika@example.org"], report?.Recipients);
        Assert.Empty(report!.Originals);
    }

    [Fact]
    public void Without_a_status_the_diagnostic_reply_code_decides()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("Original-Recipient: <erika@example.org>\nAction: failed\nDiagnostic-Code: smtp; 452 mailbox full"));

        Assert.Equal(BounceKind.Temporary, report?.Kind);
        Assert.Equal("452", report?.Status);
    }

    [Fact]
    public void Dsn_fields_in_a_text_part_are_read_too()
    {
        var report = _recogniser.TryRecognise(Reports.Parse("""
            From: MAILER-DAEMON@mx.example.net
            Subject: Delivery Status Notification (Failure)
            Content-Type: multipart/mixed; boundary="B"

            --B
            Content-Type: text/plain

            Technical report:

            Reporting-MTA: dns; mx.example.net

            Action: failed
            Final-Recipient: rfc822; erika@example.org
            Status: 5.1.1

            --B--
            """));

        Assert.Equal(["erika@example.org"], report?.Recipients);
        Assert.Equal("5.1.1", report?.Status);
    }

    [Fact]
    public void A_global_delivery_status_part_is_a_dsn()
    {
        var report = _recogniser.TryRecognise(Reports.Parse("""
            From: MAILER-DAEMON@mx.example.net
            Content-Type: multipart/report; report-type=global-delivery-status; boundary="B"

            --B
            Content-Type: message/global-delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; jürgen@example.org
            Action: failed
            Status: 5.1.1

            --B--
            """));

        Assert.Equal(["jürgen@example.org"], report?.Recipients);
    }

    [Fact]
    public void A_message_without_dsn_fields_is_left_to_others()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("<erika@example.org>:\nSorry, no mailbox here by that name. (#5.1.1)")));
    }

    [Fact]
    public void Groups_that_name_a_mailbox_file_take_the_x_failed_recipients_address()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("Final-Recipient: rfc822;/var/mail/erika\nAction: failed\nStatus: 5.0.0",
            "X-Failed-Recipients: erika@example.org\n"));

        Assert.Equal(["erika@example.org"], report?.Recipients);
    }
}
