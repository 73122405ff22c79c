namespace Bot.Knowledge.Departments;

/// <summary>A government department that owns service items (e.g. 市场监督管理局).</summary>
public sealed record Department(string Id, string Name, string FullName, string? Phone);
