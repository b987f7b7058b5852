namespace ServerlessService.Core.Common;

/// <summary>A value as read from storage with its version, an opaque token the store wants back to guard the next update.</summary>
public sealed record Stored<T>(T Value, string Version);
