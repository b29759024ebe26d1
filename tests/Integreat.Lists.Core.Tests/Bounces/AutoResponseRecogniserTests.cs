using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class AutoResponseRecogniserTests
{
    readonly AutoResponseRecogniser _recogniser = new();

    [Fact]
    public void An_arf_feedback_report_is_not_a_bounce_and_says_arf()
    {
        var report = _recogniser.TryRecognise(Reports.Parse("""
            From: abuse@isp.example.net
            Content-Type: multipart/report; report-type=feedback-report; boundary="B"

            --B
            Content-Type: text/plain

            This is an abuse report.
            --B
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            Version: 1
            --B--
            """));

        Assert.Equal((BounceKind.NotABounce, "arf"), (report!.Kind, report.Recogniser));
        Assert.Empty(report.Recipients);
    }

    [Fact]
    public void A_read_receipt_is_not_a_bounce()
    {
        var report = _recogniser.TryRecognise(Reports.Parse("""
            From: erika@example.org
            Content-Type: multipart/report; report-type=disposition-notification; boundary="B"

            --B
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; erika@example.org
            Disposition: manual-action/MDN-sent-manually; displayed
            --B--
            """));

        Assert.Equal((BounceKind.NotABounce, "mdn"), (report!.Kind, report.Recogniser));
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("X-Apple-Action: VACATION")]
    public void A_vacation_reply_from_a_person_is_not_a_bounce(string header)
    {
        var report = _recogniser.TryRecognise(Reports.Text("I am away until Monday.", from: "erika@example.org",
            subject: "Away", extraHeaders: header + "\n"));

        Assert.Equal((BounceKind.NotABounce, "auto-reply"), (report!.Kind, report.Recogniser));
    }

    [Fact]
    public void A_mail_system_report_with_auto_submitted_is_left_alone()
    {
        // Exim marks its bounces "Auto-Submitted: auto-replied" too.
        Assert.Null(_recogniser.TryRecognise(Reports.Text("  erika@example.org\n    retry timeout exceeded",
            extraHeaders: "Auto-Submitted: auto-replied\n")));
    }

    [Fact]
    public void A_dsn_written_on_behalf_of_its_own_recipient_is_a_challenge()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("Final-Recipient: rfc822; erika@example.org\nStatus: 4.7.0",
            "Reply-To: erika@example.org\n"));

        Assert.Equal((BounceKind.NotABounce, "challenge-response"), (report!.Kind, report.Recogniser));
    }

    [Fact]
    public void A_dsn_whose_diagnostic_is_an_approval_link_is_a_challenge()
    {
        var report = _recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; erika@example.org
            Action: failed
            Status: 5.0.0
            Diagnostic-Code: smtp; 550 Please confirm your address at https://screen.example.net/confirm?id=1
            """));

        Assert.Equal("challenge-response", report?.Recogniser);
    }

    [Fact]
    public void An_ordinary_dsn_is_left_to_the_dsn_recogniser()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Dsn("""
            Final-Recipient: rfc822; erika@example.org
            Action: failed
            Status: 5.7.1
            Diagnostic-Code: smtp; 550 5.7.1 blocked, see https://www.spamhaus.example/query
            """)));
    }
}
