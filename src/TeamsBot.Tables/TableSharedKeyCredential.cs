using System.Security.Cryptography;
using System.Text;

namespace TeamsBot.Tables;

/// <summary>A storage account name and key for Shared Key Lite signing. The key is never printed.</summary>
public sealed class TableSharedKeyCredential
{
    private volatile byte[] _key;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Rotates the key used for subsequent requests.</summary>
    public void SetAccountKey(string accountKey) => _key = DecodeKey(accountKey);

    internal string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"TableSharedKeyCredential({AccountName})";

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey));
        }
    }
}
