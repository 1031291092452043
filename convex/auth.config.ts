// Clerk as the web app's identity provider: ctx.auth.getUserIdentity().subject is the
// Clerk user id (users.tokenIdentifier). Deploying these functions must keep it, or every
// web call would be signed out. Set CLERK_JWT_ISSUER_DOMAIN in the Convex deployment
// (Clerk dashboard → JWT templates → "convex" → Issuer).
export default {
  providers: [
    {
      domain: process.env.CLERK_JWT_ISSUER_DOMAIN,
      applicationID: "convex",
    },
  ],
};
