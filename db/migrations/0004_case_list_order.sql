DROP INDEX "detentions_detained_on_idx";--> statement-breakpoint
CREATE INDEX "detentions_list_order_idx" ON "detentions" USING btree ("detained_on" DESC NULLS LAST,"id" DESC NULLS LAST);