namespace Integreat.Lists.Web.Archive;

/// <summary>One downloadable part of an archived post.</summary>
/// <param name="Index">Its number among the message's leaf parts.</param>
/// <param name="FileName">Its file name (from Content-Disposition or Content-Type), without any path.</param>
/// <param name="MimeType">Its content type, e.g. <c>application/pdf</c>.</param>
/// <param name="ContentId">Its Content-ID without brackets (for <c>cid:</c> references in HTML); null when none.</param>
public sealed record PostAttachment(int Index, string FileName, string MimeType, string? ContentId);
