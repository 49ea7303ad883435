"use client";

import useSWR, { mutate, type SWRResponse } from "swr";
import type { ApiError } from "./api";
import { ACCOUNT_PATH, getAccount, type Account } from "./account-api";

/** The signed-in account and its budget; `data` is null where accounts do not exist (yet). */
export function useAccount(): SWRResponse<Account | null, ApiError> {
  return useSWR<Account | null, ApiError>(ACCOUNT_PATH, () => getAccount(), { revalidateOnFocus: true });
}

/** Call after a paid run starts, ends or is refused: the remaining budget has moved. */
export function refreshAccount(): Promise<unknown> {
  return mutate(ACCOUNT_PATH);
}
