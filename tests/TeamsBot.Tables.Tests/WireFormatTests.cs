using System.Text;
using TeamsBot.Tables.Internal;

namespace TeamsBot.Tables.Tests;

/// <summary>Parsing of service payloads in shapes Azurite does not produce (per the REST docs), without a server.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void Annotation_after_its_value_still_types_the_value()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","Big":"9007199254740993","Big@odata.type":"Edm.Int64","D":2,"D@odata.type":"Edm.Double","Timestamp":"2025-01-01T00:00:00.1234567Z"}""";
        var values = EntityJsonReader.ReadEntity(Encoding.UTF8.GetBytes(json));

        Assert.Equal(9007199254740993L, values["Big"]);
        Assert.Equal(2.0, Assert.IsType<double>(values["D"]));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), values["Timestamp"]);
    }

    [Fact]
    public void Query_body_reads_every_entity_and_ignores_metadata()
    {
        var json = """{"odata.metadata":"http://x/$metadata#t","value":[{"odata.etag":"W/\"1\"","PartitionKey":"p","RowKey":"1","N":1},{"PartitionKey":"p","RowKey":"2","N":2.5}]}""";
        var entities = EntityJsonReader.ReadEntities(Encoding.UTF8.GetBytes(json));

        Assert.Equal(2, entities.Count);
        Assert.Equal("W/\"1\"", entities[0]["odata.etag"]);
        Assert.Equal(1, entities[0]["N"]);
        Assert.Equal(2.5, entities[1]["N"]);
    }

    [Fact]
    public void Batch_error_response_in_the_documented_shape_is_split_into_its_part()
    {
        var body = "--batchresponse_b1\r\n" +
                   "Content-Type: multipart/mixed; boundary=changesetresponse_c1\r\n\r\n" +
                   "--changesetresponse_c1\r\n" +
                   "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
                   "HTTP/1.1 400 Bad Request\r\nContent-ID: 2\r\nDataServiceVersion: 3.0;\r\n" +
                   "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
                   "{\"odata.error\":{\"code\":\"InvalidInput\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:One of the request inputs is not valid.\"}}}\r\n" +
                   "--changesetresponse_c1--\r\n" +
                   "--batchresponse_b1--\r\n";

        var parts = TransactionResponseParser.Parse("multipart/mixed; boundary=batchresponse_b1", Encoding.UTF8.GetBytes(body));

        var part = Assert.Single(parts);
        Assert.Equal(400, part.Status);
        Assert.Equal(("InvalidInput", "1:One of the request inputs is not valid."), TableErrorParser.Read(part));
        Assert.True(part.Headers.TryGetValue("Content-ID", out var id));
        Assert.Equal("2", id);
    }

    [Fact]
    public void Batch_success_response_with_bare_newlines_yields_one_part_per_operation_with_etags()
    {
        var body = "--batchresponse_b\nContent-Type: multipart/mixed; boundary=changesetresponse_c\n\n" +
                   "--changesetresponse_c\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n" +
                   "HTTP/1.1 204 No Content\nContent-ID: 1\nETag: W/\"datetime'2025-01-01T00%3A00%3A00.1Z'\"\n\n\n" +
                   "--changesetresponse_c\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n" +
                   "HTTP/1.1 204 No Content\nContent-ID: 2\nETag: W/\"datetime'2025-01-01T00%3A00%3A00.2Z'\"\n\n\n" +
                   "--changesetresponse_c--\n--batchresponse_b--\n";

        var parts = TransactionResponseParser.Parse("multipart/mixed; boundary=\"batchresponse_b\"", Encoding.UTF8.GetBytes(body));

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(204, p.Status));
        Assert.Equal("W/\"datetime'2025-01-01T00%3A00%3A00.2Z'\"", parts[1].Headers.ETag!.Value.ToString());
    }
}
