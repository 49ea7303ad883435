/** The owner scripts/e2e-server.mjs creates headlessly; the setup project signs in as it. */
export const E2E_OWNER = { email: "e2e-owner@example.com", password: "e2e-owner-password" };

/** Where the signed-in browser state is kept between the setup project and the specs. */
export const OWNER_STATE = "test-results/.auth/owner.json";
