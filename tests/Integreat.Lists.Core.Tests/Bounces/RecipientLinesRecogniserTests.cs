using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class RecipientLinesRecogniserTests
{
    readonly RecipientLinesRecogniser _recogniser = new();

    [Theory]
    [InlineData("  erika@example.org")]
    [InlineData("\"erika@example.org\":")]
    [InlineData("<erika@example.org>")]
    [InlineData("\terika@example.org (user not found)")]
    [InlineData(" erika@example.org ... unknown host")]
    [InlineData("erika@example.org: 550 5.1.1 User unknown")]
    [InlineData("erika@example.org Invalid Address, ERROR_CODE :550")]
    [InlineData("Unknown user: erika@example.org")]
    [InlineData("    Recipient: <erika@example.org>")]
    [InlineData("Sent <<< RCPT TO:<erika@example.org>")]
    [InlineData("554 <erika@example.org>... Service unavailable")]
    [InlineData("[Status: Error, Address: <erika@example.org>, ResponseCode 550, , No such user.]")]
    public void Each_recipient_line_shape_names_the_recipient(string line)
    {
        var report = _recogniser.TryRecognise(Reports.Text($"Delivery to the following recipient failed:\n\n{line}\n"));

        Assert.Equal(["erika@example.org"], report?.Recipients);
        Assert.Equal(BounceKind.Permanent, report?.Kind);
    }

    [Theory]
    [InlineData("  To:      erika@example.org")]
    [InlineData(" erika@example.org fails, try max@example.org instead.")]
    [InlineData("For assistance, write to <postmaster@example.net>")]
    public void Summaries_and_prose_are_not_recipient_lines(string line)
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text($"Your message\n\n{line}\n")));
    }

    [Fact]
    public void Sendmail_sections_give_the_recipient_and_its_expansion()
    {
        var report = _recogniser.TryRecognise(Reports.Text("""
               ----- The following addresses had permanent fatal errors -----
            erika@mail.example.org
                (expanded from: erika@example.org)

               ----- Transcript of session follows -----
            554 5.4.6 Too many hops
            """, subject: "Returned mail: see transcript for details"));

        Assert.Equal(["erika@mail.example.org", "erika@example.org"], report?.Recipients);
        Assert.Equal("recipient-lines", report?.Recogniser);
    }

    [Fact]
    public void A_delay_warning_subject_makes_it_temporary()
    {
        var report = _recogniser.TryRecognise(Reports.Text("The address to which the message has not yet been delivered is:\n\n  erika@example.org\n",
            subject: "Warning: message 1abc-0001 delayed 24 hours"));

        Assert.Equal(BounceKind.Temporary, report?.Kind);
    }

    [Fact]
    public void A_class_4_code_in_the_block_makes_it_temporary()
    {
        var report = _recogniser.TryRecognise(Reports.Text("  <erika@example.org>\n\nhost mx.example.org[192.0.2.1]:\n421 4.4.2 connection timed out\n"));

        Assert.Equal((BounceKind.Temporary, "4.4.2"), (report!.Kind, report.Status));
    }

    [Fact]
    public void Bare_local_parts_are_qualified_with_the_reporting_domain()
    {
        var report = _recogniser.TryRecognise(Reports.Text("Your mail to the following recipients could not be delivered:\n\tErikaM\n",
            from: "Mail Delivery Subsystem <MAILER-DAEMON@Example.net>"));

        Assert.Equal(["erikam@example.net"], report?.Recipients);
    }

    [Fact]
    public void The_reporter_itself_is_never_a_recipient()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("  MAILER-DAEMON@mx.example.net\n")));
    }

    [Fact]
    public void Mail_from_a_person_is_left_alone()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Text("New members:\n\n  erika@example.org\n", from: "max@example.org")));
    }
}
