using Azure;

namespace ServerlessService.Core.Common;

/// <summary>A value as read from storage with the ETag to guard the next update.</summary>
public sealed record Stored<T>(T Value, ETag ETag);
