/** The owner every test app starts with (headless set-up); pass `OWNER_EMAIL: ""` to startApp for a fresh install. */
export const TEST_OWNER = { email: "owner@example.com", password: "owner-test-password" };
