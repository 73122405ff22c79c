using System.Security.Cryptography;
using System.Text;

namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// Deterministic point ids (UUID version 8: the first 128 bits of SHA-256 of a name): the same document example gets the same
/// id on every host and every rebuild, which Qdrant needs (it accepts only integers and UUIDs as ids).
/// </summary>
public static class PointIds
{
    /// <summary>The point id of example <paramref name="ordinal"/> of document <paramref name="documentId"/>.</summary>
    public static Guid For(string documentId, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"govdoorplate:{documentId}#{ordinal}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
