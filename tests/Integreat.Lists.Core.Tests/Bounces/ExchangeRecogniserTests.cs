using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class ExchangeRecogniserTests
{
    readonly ExchangeRecogniser _recogniser = new();

    [Fact]
    public void Address_on_date_lines_and_x400_dda_addresses_are_the_recipients()
    {
        var report = _recogniser.TryRecognise(Reports.Text("""
            Your message

              To:      bayern@lists.example.org
              Subject: Treffen
              Sent:    Fri, 4 Oct 2002 17:10:56 -0400

            did not reach the following recipient(s):

            ERIKA@EXAMPLE.ORG on Fri, 4 Oct 2002 17:12:28 -0400
                The recipient name is not recognized
                MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C05A6) Unknown Recipient
            c=DE;a= ;p=EXAMPLE;o=Site;dda:SMTP=max@example.org; on Fri, 4 Oct 2002
                The recipient name is not recognized
            """, from: "System Administrator <postmaster@example.org>", subject: "Undeliverable: Treffen",
            extraHeaders: "X-Mailer: Internet Mail Service (5.5.2653.19)\n"));

        Assert.Equal(BounceKind.Permanent, report?.Kind);
        Assert.Equal(["erika@example.org", "max@example.org"], report?.Recipients);
        Assert.Equal("exchange", report?.Recogniser);
    }

    [Fact]
    public void Html_reports_are_read_as_text()
    {
        var report = _recogniser.TryRecognise(Reports.Parse("""
            From: System Administrator <postmaster@example.org>
            Content-Type: text/html

            <P>did not reach the following recipient(s):<BR>
            <BR>
            erika@example.org on Thu, 11 Jul 2002 16:54:54 -0300<BR>
            &nbsp;&nbsp;&nbsp; MSEXCH:IMS:Example:CENTRAL:DC02 0 (000C05A6) Unknown Recipient<BR>
            """));

        Assert.Equal(["erika@example.org"], report?.Recipients);
    }

    [Fact]
    public void Other_reports_are_left_alone()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("erika@example.org on Fri, 4 Oct 2002")));
    }
}
