using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Content;

public sealed class PartPolicyTests
{
    static MimePart Part(string type, string? fileName = null)
    {
        var part = new MimePart(ContentType.Parse(type));
        if (fileName is not null) part.FileName = fileName;
        return part;
    }

    [Theory]
    [InlineData("application/octet-stream", "Rechnung.pdf.exe")]
    [InlineData("application/octet-stream", "SETUP.EXE")]
    [InlineData("application/octet-stream", "trick.exe. ")]
    [InlineData("text/plain", "run.vbs")]
    [InlineData("application/zip", "archiv.jar")]
    [InlineData("application/octet-stream", "Liste.xlsm")]
    [InlineData("application/x-msdownload", null)]
    [InlineData("application/vnd.ms-word.document.macroEnabled.12", "brief.bin")]
    [InlineData("text/javascript", null)]
    public void NewListsBlockProgramsScriptsAndMacros(string type, string? fileName)
        => Assert.True(PartPolicy.IsBlocked(new ContentSettings(), Part(type, fileName)));

    [Theory]
    [InlineData("application/pdf", "Protokoll.pdf")]
    [InlineData("image/jpeg", "foto.jpg")]
    [InlineData("text/plain", null)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "brief.docx")]
    [InlineData("application/octet-stream", "exe")]
    public void NewListsLetDocumentsAndPicturesThrough(string type, string? fileName)
        => Assert.False(PartPolicy.IsBlocked(new ContentSettings(), Part(type, fileName)));

    [Fact]
    public void AnAllowedListLetsOnlyItsTypesAndPlainTextThrough()
    {
        var settings = new ContentSettings { AllowedTypes = ["application/pdf", "image/*"] };

        Assert.False(PartPolicy.IsBlocked(settings, Part("image/png", "a.png")));
        Assert.False(PartPolicy.IsBlocked(settings, Part("application/pdf", "a.pdf")));
        Assert.False(PartPolicy.IsBlocked(settings, Part("text/plain")));
        Assert.True(PartPolicy.IsBlocked(settings, Part("application/zip", "a.zip")));
        Assert.True(PartPolicy.IsBlocked(settings, Part("text/html")));
    }

    [Fact]
    public void FilterOffBlocksNothing()
        => Assert.False(PartPolicy.IsBlocked(new ContentSettings { FilterAction = ContentFilterAction.Off }, Part("application/x-msdownload", "a.exe")));

    [Fact]
    public void BlockedPartsAreFoundInsideAttachedMessages()
    {
        var inner = new MimeMessage { Body = new Multipart("mixed") { new TextPart("plain") { Text = "x" }, Part("application/octet-stream", "a.scr") } };
        var message = new MimeMessage { Body = new Multipart("mixed") { new TextPart("plain") { Text = "y" }, new MessagePart { Message = inner } } };

        var blocked = Assert.Single(BlockedParts.Find(new ContentSettings(), message));

        Assert.Equal("a.scr", blocked.FileName);
        Assert.StartsWith("Die Nachricht enthält einen nicht erlaubten Teil „a.scr“", Assert.Single(BlockedParts.Reasons([blocked])));
    }
}
