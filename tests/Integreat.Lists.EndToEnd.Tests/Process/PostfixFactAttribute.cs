namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>A fact that needs a real Postfix: skipped, with the reason, on a developer machine without the
/// <c>postfix</c> package or without root (which <c>postfix start</c> needs). CI installs it and runs as root.</summary>
public sealed class PostfixFactAttribute : FactAttribute
{
    public PostfixFactAttribute()
    {
        if (!File.Exists(PostfixInstance.PostfixBinary))
            Skip = $"{PostfixInstance.PostfixBinary} is missing: install Debian's postfix package (.ci/run does) to run the Postfix-in-front test";
        else if (Environment.UserName != "root")
            Skip = "postfix start needs root; CI runs as root";
    }
}
