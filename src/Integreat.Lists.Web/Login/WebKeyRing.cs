namespace Integreat.Lists.Web.Login;

/// <summary>Where the web port keeps the keys that protect its cookies (ASP.NET Core data protection), so sessions
/// survive a restart. Registered by the composition root; without it the keys live in memory only.</summary>
/// <param name="Directory">An absolute directory, created when missing.</param>
public sealed record WebKeyRing(string Directory);
