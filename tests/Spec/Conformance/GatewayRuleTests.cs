using System.Text.Json.Nodes;
using Wix.Auth.Conformance;
using Xunit;

namespace Wix.Auth.Tests.Spec.Conformance;

/// <summary>
/// The runner's reading of <c>x-wix-bi-gateway</c> (wire.md): a port's own environment and package name pass, the fixed
/// method-fqn and entity are pinned, and so are the parts and their order.
/// </summary>
public sealed class GatewayRuleTests
{
    private static readonly JsonObject Parts = new()
    {
        ["environment"] = null,
        ["package-name"] = null,
        ["method-fqn"] = "wix.identity.oauth2.v1.Oauth2Ng.Token",
        ["entity"] = "wix.identity.oauth.v1.refresh_token",
    };

    private static readonly string Expected = Gateway.Expected(Parts);

    [Theory]
    [InlineData("environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token")]
    [InlineData("environment=python-sdk,package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token")]
    public void A_header_with_the_ports_own_names_and_the_fixed_parts_passes(string header) =>
        Assert.Equal(Expected, Gateway.Read(header, Parts));

    [Theory]
    [InlineData("environment=python-sdk,package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Tokens,entity=wix.identity.oauth.v1.refresh_token")]
    [InlineData("environment=python-sdk,package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.headless.v1.redirect_session")]
    [InlineData("environment=,package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token")]
    [InlineData("package-name=wix-auth-py,environment=python-sdk,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token")]
    [InlineData("environment=python-sdk,package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token")]
    [InlineData("environment=python-sdk, package-name=wix-auth-py,method-fqn=wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token")]
    [InlineData(null)]
    public void A_header_that_changes_a_fixed_part_or_the_order_or_leaves_a_name_empty_fails(string? header) =>
        Assert.NotEqual(Expected, Gateway.Read(header, Parts));
}
